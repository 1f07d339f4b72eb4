/** Beside a setting IT set by policy: why it cannot be changed here. */
export function ManagedNote() {
  return (
    <small className="managed-note" data-testid="managed-note">
      Set by your company's IT (browser policy): it cannot be changed here
    </small>
  )
}
