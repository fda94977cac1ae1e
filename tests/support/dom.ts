/** A DOM for unit tests in Node: an HTML string parsed with linkedom, typed as a Document. */
import { parseHTML } from 'linkedom';

export const parseHtml = (html: string): Document => parseHTML(html).document as unknown as Document;
