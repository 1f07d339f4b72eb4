import { afterEach, describe, expect, it, vi } from "vitest";

import { generic } from "~adapters/generic";

import { createFakeBridge, type FakeBridge } from "./fake-bridge";
import { startDetector, type Detector } from "./manager";
import { userClick } from "./user-events.test-helper";

const immediate = (run: (deadline: { timeRemaining(): number }) => void) => setTimeout(() => run({ timeRemaining: () => 50 }), 0);
let detector: Detector | undefined;

async function start(html: string, bridge: FakeBridge = createFakeBridge()) {
  document.body.innerHTML = html;
  detector = startDetector({ bridge, adapter: generic, schedule: immediate, mutationDelayMs: 5 });
  await detector.idle();
  return { bridge, detector };
}

const controls = () => [...document.querySelectorAll<HTMLButtonElement>("button[data-dialer-number]")];
const addAll = () => document.querySelector<HTMLButtonElement>("[data-dialer-add-all]");

afterEach(() => {
  detector?.stop();
  detector = undefined;
  document.body.replaceChildren();
});

describe("controls", () => {
  it("adds a labelled, focusable + Queue button after each number", async () => {
    await start("<p>Call <b>(415) 555-0132</b> today</p>");
    const [button] = controls();
    expect(button).toBeDefined();
    expect(button!.getAttribute("data-dialer-number")).toBe("+14155550132");
    expect(button!.textContent).toBe("+ Queue");
    expect(button!.getAttribute("aria-label")).toBe(
      "Add +1 415-555-0132 (United States) to the dial queue. Written without a country code: read as a United States number. Check it before dialing."
    );
    expect(button!.title).toContain("Dials +1 415-555-0132 (United States).");
    expect(button!.dataset.assumedCountry).toBe("US");
    expect(button!.type).toBe("button");
    expect(button!.previousSibling?.textContent).toBe("(415) 555-0132");
    expect(document.head.querySelector("style[data-dialer-style]")).not.toBeNull();
  });

  it("shows numbers already in the queue as queued", async () => {
    await start("<p>415-555-0132</p><p>415-555-0133</p>", createFakeBridge({ queued: ["+14155550132"] }));
    expect(controls().map((b) => [b.textContent, b.dataset.queued])).toEqual([
      ["✓ Queued", "true"],
      ["+ Queue", "false"]
    ]);
  });

  it("sends queue.add with the captured number on click, then shows it queued", async () => {
    const { bridge } = await start('<table><tr><td><a href="/c/7">Ada Byron</a></td><td>415-555-0132</td></tr></table>');
    userClick(controls()[0]!);
    await vi.waitFor(() => expect(controls()[0]!.dataset.queued).toBe("true"));
    expect(bridge.sent).toEqual([
      [{ phone: "+14155550132", name: "Ada Byron", sourceUrl: new URL("/c/7", location.href).href, crm: "generic" }]
    ]);
    expect(controls()[0]!.textContent).toBe("✓ Queued");
  });

  it("follows queue.changed broadcasts", async () => {
    const { bridge } = await start("<p>415-555-0132</p>");
    bridge.broadcastQueue(["+14155550132"]);
    expect(controls()[0]!.dataset.queued).toBe("true");
    bridge.broadcastQueue([]);
    expect(controls()[0]!.dataset.queued).toBe("false");
  });

  it("places controls inside the open shadow root that shows the number", async () => {
    document.body.innerHTML = "<x-card></x-card>";
    const shadow = document.querySelector("x-card")!.attachShadow({ mode: "open" });
    shadow.innerHTML = "<p>415-555-0132</p>";
    detector = startDetector({ bridge: createFakeBridge(), adapter: generic, schedule: immediate });
    await detector.idle();
    expect(shadow.querySelector("[data-dialer-number]")).not.toBeNull();
    expect(shadow.querySelector("style[data-dialer-style]")).not.toBeNull();
  });
});

describe("add all", () => {
  it("is not offered on one person's record page, only where several contacts are listed", async () => {
    await start("<h1>Ada Lovelace</h1><p>Work 415-555-0132</p><p>Mobile 415-555-0133</p>");
    await vi.waitFor(() => expect(controls()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(addAll()?.hidden ?? true).toBe(true);
  });

  it("stands above the dialer bar while the bar shows, back at the bottom after", async () => {
    const rows = ["415-555-0132", "415-555-0133"].map((phone, i) => `<tr><td>Person ${i}</td><td>${phone}</td></tr>`).join("");
    const bridge = createFakeBridge();
    bridge.setBarShown(true);
    await start(`<table>${rows}</table>`, bridge);
    await vi.waitFor(() => expect(addAll()?.dataset.aboveBar).toBe("true"));
    bridge.setBarShown(false);
    expect(addAll()!.dataset.aboveBar).toBeUndefined();
  });

  it("counts distinct numbers not yet queued and sends them in one queue.add", async () => {
    const rows = ["415-555-0132", "415-555-0133", "415-555-0133", "415-555-0134"]
      .map((phone, i) => `<tr><td><a href="/c/${i}">Person ${i}</a></td><td>${phone}</td></tr>`)
      .join("");
    const { bridge } = await start(`<table>${rows}</table>`, createFakeBridge({ queued: ["+14155550134"] }));
    await vi.waitFor(() => expect(addAll()?.hidden).toBe(false));
    expect(addAll()!.textContent).toBe("Add all 2 numbers on this page");
    userClick(addAll()!);
    await vi.waitFor(() => expect(addAll()!.hidden).toBe(true));
    expect(bridge.sent).toHaveLength(1);
    expect(bridge.sent[0]!.map((item) => [item.phone, item.name])).toEqual([
      ["+14155550132", "Person 0"],
      ["+14155550133", "Person 1"]
    ]);
  });
});

describe("page changes", () => {
  it("picks up numbers rendered later", async () => {
    await start("<main></main>");
    document.querySelector("main")!.insertAdjacentHTML("beforeend", "<div><span>(415)</span> <span>555-0132</span></div>");
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
  });

  it("does not duplicate controls when the page mutates around them", async () => {
    await start("<main><p>415-555-0132</p></main>");
    document.querySelector("main")!.append(document.createElement("hr"));
    document.querySelector("p")!.setAttribute("class", "x");
    await new Promise((resolve) => setTimeout(resolve, 30));
    await detector!.idle();
    expect(controls()).toHaveLength(1);
  });

  it("replaces the control when a number's text changes", async () => {
    await start("<p>415-555-0132</p>");
    document.querySelector("p")!.firstChild!.textContent = "415-555-0199";
    await vi.waitFor(() => expect(controls().map((b) => b.dataset.dialerNumber)).toEqual(["+14155550199"]));
  });

  it("rescans after a pushState route change", async () => {
    await start("<main><p>415-555-0132</p></main>");
    const main = document.querySelector("main")!;
    history.pushState({}, "", "/contacts/42");
    main.innerHTML = "<p>212-555-0143</p>";
    await vi.waitFor(() => expect(controls().map((b) => b.dataset.dialerNumber)).toEqual(["+12125550143"]));
  });

  it("rescans with the new default country when settings change", async () => {
    const { bridge } = await start("<p>020 7946 0958</p>");
    expect(controls()).toHaveLength(0);
    bridge.setCountry("GB");
    await vi.waitFor(() => expect(controls().map((b) => b.dataset.dialerNumber)).toEqual(["+442079460958"]));
  });

  it("with the UK as default country, US numbers get one control each, read the US way", async () => {
    const html = `<ul>
      <li>Ada <a href="tel:+14155550132">(415) 555-0132</a></li>
      <li>Bo (415) 555-0133</li>
      <li>Cy <a href="tel:+442079460958">020 7946 0958</a></li>
      <li>Di +1 212 555 0143</li>
    </ul>`;
    await start(html, createFakeBridge({ country: "GB" }));
    expect(controls().map((b) => [b.dataset.dialerNumber, b.dataset.assumedCountry ?? null])).toEqual([
      ["+14155550132", null],
      ["+14155550133", "US"],
      ["+442079460958", null],
      ["+12125550143", null]
    ]);
    expect(controls()[1]!.title).toContain("Dials +1 415-555-0133 (United States). Written without a country code");
    await vi.waitFor(() => expect(addAll()?.dataset.pending).toBe("4"));
  });

  it("removes its controls when stopped", async () => {
    await start("<p>415-555-0132</p>");
    detector!.stop();
    expect(controls()).toHaveLength(0);
  });
});
