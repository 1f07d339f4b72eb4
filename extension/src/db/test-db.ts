import { DialerDB } from "./db"

let counter = 0

/** A fresh, uniquely named database per test (fake-indexeddb keeps databases per name). */
export function freshDb(): DialerDB {
  counter++
  return new DialerDB(`test-${Date.now()}-${counter}`)
}
