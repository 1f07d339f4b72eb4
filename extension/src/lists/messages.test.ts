// @vitest-environment node
import { describe, expect, it } from "vitest"

import { FIRST_LIST } from "../db/schema"
import { translatorFor } from "../i18n"
import { shownName } from "./list-name"

describe("Lists page wording", () => {
  it("asks about deleting a list with the right count in each language", () => {
    const en = translatorFor("en")
    const fr = translatorFor("fr")
    expect(en("lists.confirmDelete", { name: "Leads", count: 0 })).toBe("Delete the empty list “Leads”?")
    expect(en("lists.confirmDelete", { name: "Leads", count: 1 })).toBe("Delete “Leads” and its 1 number?")
    expect(en("lists.confirmDelete", { name: "Leads", count: 1200 })).toBe("Delete “Leads” and its 1,200 numbers?")
    expect(fr("lists.confirmDelete", { name: "Leads", count: 0 })).toBe("Supprimer la liste vide « Leads » ?")
    expect(fr("lists.confirmDelete", { name: "Leads", count: 1 })).toBe("Supprimer « Leads » et son numéro ?")
    expect(fr("lists.confirmDelete", { name: "Leads", count: 1200 })).toBe("Supprimer « Leads » et ses 1\u202f200 numéros ?")
  })
  it("counts selections and imports in French plurals", () => {
    const fr = translatorFor("fr")
    expect(fr("lists.selected", { count: 1 })).toBe("1 sélectionné")
    expect(fr("lists.selected", { count: 3 })).toBe("3 sélectionnés")
    expect(fr("import.toImport", { count: 50000 })).toBe("50\u202f000 numéros à importer")
  })
  it("names the first list in the agent's language until the agent renames it", () => {
    const fr = translatorFor("fr")
    expect(shownName(fr, FIRST_LIST)).toBe("Ma file d'attente")
    expect(shownName(translatorFor("en"), FIRST_LIST)).toBe("My queue")
    expect(shownName(fr, { id: FIRST_LIST.id, name: "Relances" })).toBe("Relances")
    expect(shownName(fr, { id: "other", name: "My queue" })).toBe("My queue") // a list the agent named so
  })
})
