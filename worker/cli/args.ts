/** Command-line parsing for `pnpm admin`: one set of options, checked per command. */
import { parseArgs } from "node:util";

export const USAGE = `Usage: pnpm admin <command> [options]

Commands:
  connect [--webhook-url URL]          check the Aircall key, register the webhook, list users and numbers
  agents list                          enrolled agents
  agents add --aircall-user <id|email> [--number <id>] [--name N] [--admin]
                                       enrol an Aircall user; prints the one-time enrolment code
  agents remove <agentId>              remove an agent (its sessions end at once)
  agents code <agentId>                a new enrolment code (the old one stops working)
  stats [--from ISO] [--to ISO]        the team's calls, answer rate, talk time (default: today)
  audit [--limit N]                    the audit trail, newest first
  settings [--history-months N]        show the settings, or keep call history and audit N months (1-120, default 13)
  settings --calling-hours 08:00-21:00 [--days mon-fri|1,2,3,4,5] [--local-presence on|off]
                                       the callee's local hours (checked in each zone the number may be
                                       in) and calling from the agent's best matching Aircall number
  webhook [--check]                    is Aircall still delivering to the worker? --check asks Aircall now
                                       (a webhook Aircall disabled is re-activated)
  dispositions [list]                  the wrap-up choices agents pick from after each call
  dispositions set <file.json>         replace them ({ "dispositions": [{ id, label, kind, tag?, retry? }] })
  dispositions add <id> --label L --kind K [--tag T] [--retry-after MIN --max-attempts N]
                                       add or replace one (kinds: connected, voicemail, no_answer,
                                       bad_number, do_not_call, callback)
  dispositions remove <id>             remove one
  dnc [list] [--q DIGITS] [--limit N] [--cursor PHONE]
                                       the company's do-not-call list (--q: +prefix, or digits anywhere)
  dnc add <phone...> [--reason R]      never call these numbers (E.164, e.g. +12125550143)
  dnc remove <phone>                   take a number off the list
  dnc import <file.csv> [--reason R] [--skip-invalid]
                                       add the numbers of a CSV (phone[,reason]; a header row is fine)
  dnc export [file.csv]                the whole list as CSV (phone,reason,added_at,added_by)
  doctor                               check the deployment (https, secrets, Aircall key, webhook, rate
                                       limit, clocks, each agent's Aircall user and number) and say
                                       what to fix; exit code 1 when something is wrong

Options:
  --url URL      the worker (default $DIALER_URL or http://127.0.0.1:8787)
  --token TOKEN  the admin token (default $DIALER_ADMIN_TOKEN)
  --json         print the API's JSON instead of text
  -h, --help     this help`;

export class UsageError extends Error {}

export function parse(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        "webhook-url": { type: "string" },
        "aircall-user": { type: "string" },
        number: { type: "string" },
        name: { type: "string" },
        admin: { type: "boolean", default: false },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string" },
        "history-months": { type: "string" },
        check: { type: "boolean", default: false },
        label: { type: "string" },
        kind: { type: "string" },
        tag: { type: "string" },
        "retry-after": { type: "string" },
        "max-attempts": { type: "string" },
        reason: { type: "string" },
        q: { type: "string" },
        cursor: { type: "string" },
        "skip-invalid": { type: "boolean", default: false },
        "calling-hours": { type: "string" },
        days: { type: "string" },
        "local-presence": { type: "string" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const url = (values.url ?? env.DIALER_URL ?? "http://127.0.0.1:8787").replace(/\/+$/, "");
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
  return { ...values, url, token: values.token ?? env.DIALER_ADMIN_TOKEN ?? "", positionals };
}

export type Args = ReturnType<typeof parse>;

/** A positive integer option, or a usage error naming it. */
export function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  return Number(value);
}

export function isoOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // a plain date is that day in the admin's time zone (Date.parse would read it as UTC midnight)
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime() : Date.parse(value);
  if (!Number.isFinite(t)) throw new UsageError(`--${name} must be a date or ISO time, got "${value}"`);
  return new Date(t).toISOString();
}
