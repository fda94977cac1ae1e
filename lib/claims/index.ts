/**
 * Claims stage entry point: score sentences for check-worthiness and keep the claims, plus the
 * precision/recall scorer used by the eval script and tests.
 */
export { scoreClaim, detectClaims, CLAIM_TUNING } from './detect';
export { scoreDetection, type DetectionScore } from './score-detection';
export { boilerplateLabel, BOILERPLATE_TUNING } from './boilerplate';
