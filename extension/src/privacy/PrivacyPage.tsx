import { BUILT_IN_SITES_WHY, PERMISSIONS } from "./permissions"

/** What the extension stores where, what it sends to whom, and why it asks for each permission. */
export function PrivacyPage() {
  return (
    <main className="privacy" data-testid="privacy">
      <h1>Privacy and permissions</h1>
      <p className="lead">
        Aircall Power Dialer is run by your company: it talks only to your company's own dialer server (a Cloudflare Worker in your company's Cloudflare account) and, through
        it, to your company's Aircall account. Nothing is sent to the extension's authors or to anyone else, there are no analytics and no advertising, and all of the
        extension's code is in the package you installed (none is downloaded).
      </p>

      <section className="card">
        <h2>Stored in this browser, on this computer</h2>
        <ul>
          <li>Your queues and lists: the phone numbers, names and companies you add from CRM pages or a CSV file.</li>
          <li>Your call history: when each number was called, the outcome, notes and dispositions you enter.</li>
          <li>Your settings: the worker's address, the default country, the delay between calls, the sites you added.</li>
          <li>Your sign-in: a refresh token for your company's worker (no password; sign out to remove it).</li>
        </ul>
        <p className="muted">Removing the extension deletes all of it.</p>
      </section>

      <section className="card">
        <h2>Sent to your company's worker</h2>
        <ul>
          <li>The numbers of the queue you start, so the worker can place the calls through Aircall one after another (or a list you send to Aircall's own Power Dialer).</li>
          <li>Your enrolment code when you sign in, then short-lived tokens.</li>
          <li>Call outcomes and wrap-up notes, kept as your team's history in your company's Cloudflare account, for as long as your admin sets (13 months by default).</li>
        </ul>
        <p className="muted">The worker sends the calls to Aircall with your company's Aircall key. Your company decides who can read the history (its admins, through the team dashboard).</p>
      </section>

      <section className="card">
        <h2>Pages you visit</h2>
        <p>{BUILT_IN_SITES_WHY}</p>
        <p className="muted">On any other site the extension does nothing until you (or your IT) add that site.</p>
      </section>

      <section className="card">
        <h2>Permissions, and why</h2>
        <dl className="permissions">
          {PERMISSIONS.map((p) => (
            <div key={p.name} data-testid="permission">
              <dt>
                <code>{p.name}</code>
              </dt>
              <dd>{p.why}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card">
        <h2>Set by your company</h2>
        <p>
          Your IT may install the extension for you and set the worker's address, the default country and extra CRM sites by browser policy. Those settings show as locked
          in the options page. Questions about your data go to your company, which runs the worker and holds the Aircall account.
        </p>
      </section>
    </main>
  )
}
