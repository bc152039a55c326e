import { Route, Routes, useNavigate, useParams } from 'react-router';
import { DraftResult } from '@/features/drafts/components/draft-result';
import { DraftsList } from '@/features/drafts/components/drafts-list';
import { UploadPanel } from '@/features/drafts/components/upload-panel';
import { CredentialsNote } from '@/features/provenance/components/credentials-note';
import '@/features/drafts/components/drafts.css';

/** The AI draft studio (`/app/drafts/*`), loaded as its own chunk. */
export default function DraftsRoute() {
  return (
    <Routes>
      <Route index element={<StudioHome />} />
      <Route path=":id" element={<DraftPage />} />
    </Routes>
  );
}

function StudioHome() {
  const navigate = useNavigate();
  return (
    <div className="app-page">
      <title>AI drafts · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">AI draft headshots</h1>
        <p className="page-lead">
          One photo in, three styled drafts and an honest quality report out, in seconds. Every
          draft is labelled as AI.
        </p>
      </div>
      <UploadPanel onUploaded={(created) => void navigate(`/app/drafts/${created.id}`)} />
      <DraftsList />
    </div>
  );
}

function DraftPage() {
  const { id = '' } = useParams();
  return (
    <div className="app-page">
      <title>Your AI drafts · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Your AI drafts</h1>
      </div>
      <DraftResult id={id} imagesNote={<CredentialsNote />} />
    </div>
  );
}
