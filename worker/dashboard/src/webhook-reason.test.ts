import { describe, expect, it } from "vitest";
import { translatorFor } from "./i18n/catalogue";
import { checkReason } from "./webhook-reason";

describe("why the webhook was checked", () => {
  it("says the worker's known reasons in the admin's language, others as they came", () => {
    const fr = translatorFor("fr");
    expect(checkReason(translatorFor("en"), "asked by an admin")).toBe("asked by an admin");
    expect(checkReason(fr, "asked by an admin")).toBe("demandée par un administrateur");
    expect(checkReason(fr, "1 call found without its webhooks")).toBe("1 appel trouvé sans ses webhooks");
    expect(checkReason(fr, "3 calls found without their webhooks")).toBe("3 appels trouvés sans leurs webhooks");
    expect(checkReason(fr, "something new")).toBe("something new");
  });
});
