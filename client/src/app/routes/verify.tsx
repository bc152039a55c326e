import { VerifyImage } from '@/features/provenance/components/verify-image';
import { PublicFrame } from './photographers/public-frame';

/** `/verify`: anyone, signed in or not, checks what an image's Content Credentials say. */
export function VerifyRoute() {
  return (
    <PublicFrame>
      <div className="pub-page verify-page">
        <title>Check an image’s Content Credentials · Lensbridge</title>
        <div className="pub-page__header">
          <p className="eyebrow">Content Credentials</p>
          <h1 className="page-title">Check an image</h1>
          <p className="page-lead">
            See what an image’s Content Credentials say: who signed it, whether AI made it, and
            whether it has changed since.
          </p>
        </div>
        <VerifyImage />
      </div>
    </PublicFrame>
  );
}
