import type { Stats } from "@dialer/shared";
import { count, hourLabel } from "./format";
import { useT } from "./i18n";

const W = 1000;
const H = 230;
const PAD = { top: 12, right: 8, bottom: 26, left: 30 };

/** Today's calls per local hour, answered stacked under the rest; working hours always shown. */
function buckets(stats: Stats) {
  const counts = Array.from({ length: 24 }, () => ({ calls: 0, answered: 0 }));
  for (const b of stats.byHour) {
    const h = new Date(b.hour).getHours();
    counts[h]!.calls += b.calls;
    counts[h]!.answered += b.answered;
  }
  const used = counts.map((c, h) => (c.calls ? h : -1)).filter((h) => h >= 0);
  const first = Math.min(8, new Date().getHours(), ...used);
  const last = Math.max(18, new Date().getHours(), ...used);
  return counts.slice(first, last + 1).map((c, i) => ({ hour: first + i, ...c }));
}

function niceMax(n: number) {
  if (n <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function HourChart({ stats }: { stats: Stats | null }) {
  const { t, locale } = useT();
  const rows = stats ? buckets(stats) : [];
  // the axis runs through the current hour and names it, even when it is odd
  const lastHour = rows[rows.length - 1]?.hour;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.calls)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = rows.length ? innerW / rows.length : innerW;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, max / 2, max];
  return (
    <section className="card chart">
      <div className="card-head">
        <h2>{t("chart.title")}</h2>
        <div className="legend">
          <span><i className="sw answered" /> {t("chart.answered")}</span>
          <span><i className="sw other" /> {t("chart.notAnswered")}</span>
        </div>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("chart.label")} data-testid="hour-chart">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} className="grid-line" />
            <text x={PAD.left - 6} y={y(tick) + 4} className="axis" textAnchor="end">{count(locale, tick)}</text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = PAD.left + i * slot + slot * 0.18;
          const w = slot * 0.64;
          return (
            <g key={r.hour}>
              <title>{t("chart.bar", { hour: hourLabel(locale, r.hour), count: r.calls, answered: r.answered })}</title>
              <rect x={x} y={y(r.calls)} width={w} height={y(r.answered) - y(r.calls)} rx={2} className="bar other" />
              <rect x={x} y={y(r.answered)} width={w} height={y(0) - y(r.answered)} rx={2} className="bar answered" />
              {(r.hour % 2 === 0 || r.hour === lastHour) && <text x={x + w / 2} y={H - 8} className="axis" textAnchor="middle">{hourLabel(locale, r.hour)}</text>}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
