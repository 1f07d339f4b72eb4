import { QueryClient, QueryClientProvider } from "@tanstack/react-query"

import { App } from "./App"

import "../ui/page-lang"
import "./popup.css"
import "./popup-list.css"
import "../ui/controls.css"

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } })

/** Plasmo popup entry. */
export default function Popup() {
  return (
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  )
}
