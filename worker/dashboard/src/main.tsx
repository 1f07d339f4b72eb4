import { createRoot } from "react-dom/client";
import { App } from "./App";
import { loadLanguage, localeFor } from "./i18n/locale";

document.documentElement.lang = localeFor(loadLanguage()); // before the first paint; the provider keeps it in step
createRoot(document.getElementById("root")!).render(<App />);
