/** Version written into every graph and plan seams produces. */
export const SEAMS_VERSION = '0.1.0';
