import { Link } from 'react-router';
import { useSigningInfo } from '../api/get-signing-info';
import './provenance.css';

/** "Signed with Content Credentials · development certificate", beside images we signed. */
export function CredentialsNote() {
  const signer = useSigningInfo();
  // Wait for the answer rather than show a line that changes a moment later.
  if (signer.isPending) return null;
  const development = signer.data?.development ?? false;
  return (
    <p className="credentials-note">
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M10 1.25 3.333 4.167v4.166c0 4.167 2.834 8.034 6.667 9.167 3.833-1.133 6.667-5 6.667-9.167V4.167L10 1.25Zm3.09 6.423-3.75 4.167a.833.833 0 0 1-1.202.035L6.47 10.208a.833.833 0 1 1 1.178-1.178l1.047 1.047 3.157-3.51a.833.833 0 0 1 1.238 1.106Z"
        />
      </svg>
      <Link to="/verify">
        Signed with Content Credentials{development ? ' · development certificate' : ''}
      </Link>
    </p>
  );
}
