// A review's photos as thumbnails, each a link to the photo at full size. Each is described by the alt
// text its author gave, or, when she gave none, as the photo it is ("Photo 2 from Ada L.'s review").
// The images come through /review-photos, where the reviews service decides who may see them.
import { photoAt, THUMBNAIL_WIDTH } from "@emporium/reviews/browser";
import type { ReviewPhoto } from "@emporium/reviews/client";

export const reviewPhotoUrl = (key: string) => `/review-photos/${key}`;

export function photoAlt(photo: ReviewPhoto, index: number, author: string): string {
  return photo.alt || `Photo ${index + 1} from ${author}’s review`;
}

export function ReviewPhotoList({ photos, author }: { photos: readonly ReviewPhoto[]; author: string }) {
  if (photos.length === 0) return null;
  return (
    <ul aria-label="Photos" className="flex flex-wrap gap-2" data-testid="review-photos">
      {photos.map((photo, i) => (
        <li key={photo.key}>
          <a href={reviewPhotoUrl(photo.key)} className="block rounded-lg focus-visible:outline-2">
            <img
              src={reviewPhotoUrl(photoAt(photo.key, THUMBNAIL_WIDTH))}
              alt={photoAlt(photo, i, author)}
              width={96}
              height={96}
              loading="lazy"
              className="size-24 rounded-lg border border-line object-cover"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
