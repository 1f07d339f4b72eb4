/** `pnpm admin <command>`: the power dialer's admin CLI (talks to the worker, never to Aircall). */
import { formatZodError } from "@dialer/shared";
import * as z from "zod";
import { parse, UsageError, USAGE } from "./args";
import { AdminApi, CliError } from "./client";
import { agents } from "./commands/agents";
import { connect } from "./commands/connect";
import { dispositions } from "./commands/dispositions";
import { doctor } from "./commands/doctor";
import { dnc } from "./commands/dnc";
import { audit, stats } from "./commands/report";
import { settings, webhook } from "./commands/settings";

export async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const args = parse(argv);
    const command = args.positionals[0];
    if (args.help || !command) return { code: args.help ? 0 : 2, out: args.help ? USAGE : "", err: args.help ? "" : USAGE };
    const commands = { connect, agents, stats, audit, settings, webhook, doctor, dispositions, dnc } as const;
    if (!(command in commands)) throw new UsageError(`unknown command "${command}"`);
    const api = new AdminApi(args.url, args.token);
    const result = await commands[command as keyof typeof commands](api, args);
    return typeof result === "string" ? { code: 0, out: result, err: "" } : { ...result, err: "" };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, out: "", err: `${err.message}\n\n${USAGE}` };
    if (err instanceof CliError) return { code: 1, out: "", err: `Error: ${err.message}` };
    if (err instanceof z.ZodError) return { code: 2, out: "", err: `Invalid option: ${formatZodError(err)}` };
    return { code: 1, out: "", err: `Unexpected error: ${(err as Error).stack ?? String(err)}` };
  }
}

const result = await run(process.argv.slice(2));
if (result.out) console.log(result.out);
if (result.err) console.error(result.err);
process.exitCode = result.code;
