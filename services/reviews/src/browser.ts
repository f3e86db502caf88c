// What a browser bundle may take from the reviews service without its tRPC client (which
// @emporium/reviews/client brings in): where a review photo's sizes are and their limits. The client
// re-exports them for everyone else.
export { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_ALT_MAX, photoAt, THUMBNAIL_WIDTH } from "./domain/photos";
