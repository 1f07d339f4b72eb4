/**
 * The wrap-up in CRM pages: a panel above the dialer bar once a call ends, in its own closed shadow
 * root (contents/dialer-bar.tsx, beside the bar). Acts only on real key presses and clicks. It takes the keyboard
 * only when the agent is not typing somewhere on the page.
 */
import { useContentT } from "../i18n/content"
import { sendRequest } from "../lib/runtime"
import { usePagePrompt } from "./use-page-prompt"
import { WrapUpForm } from "./WrapUpForm"

export function PageWrapUp() {
  const { t } = useContentT()
  const { prompt, refresh } = usePagePrompt()
  if (!prompt) return null
  const idle = !document.activeElement || document.activeElement === document.body
  return (
    <div className="wrapup-page" role="dialog" aria-label={t("wrapup.dialogLabel")} data-testid="page-wrapup">
      <WrapUpForm
        prompt={prompt}
        trustedOnly
        autoFocus={idle}
        testId="page-wrapup-form"
        onSubmit={async (body) => {
          const result = await sendRequest({ type: "dialer.wrapUp", ...body })
          if (result.ok) refresh()
          return result.ok ? { ok: true } : { ok: false, error: result.error }
        }}
        onLater={() => void sendRequest({ type: "wrapup.putOff", key: prompt.key }).then(refresh)}
      />
    </div>
  )
}
