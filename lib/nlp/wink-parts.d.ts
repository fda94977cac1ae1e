/** The parts of wink-eng-lite-web-model lib/nlp/model.ts assembles (CommonJS, untyped). */
declare module 'wink-eng-lite-web-model/dist/*.js' {
  const part: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default part;
}
