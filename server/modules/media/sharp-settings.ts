import sharp from 'sharp';

/**
 * libvips settings, process-wide (the API thread and the render worker threads share one
 * libvips). Imported by every module here that uses sharp, so they hold wherever it runs.
 */

// Decoding is the expensive, risky part; keep libvips from using every core for one image.
sharp.concurrency(1);

// libvips keeps recent operations' results to re-use them; every pipeline here runs once on
// its own input (an upload, a render), so that cache would only hold memory (up to 50 MB).
sharp.cache(false);
