/**
 * The annotation-tool exports under `annotations/`. Interim: this one module writes all four (W3C Web Annotation,
 * brat, Label Studio, spaCy) through scripts/interop/exports.ts, until each gets its own module.
 */
export { annotationExports as w3c } from '../../interop/exports.ts';
