/** Queued faults: start-call faults are used one per request; webhook faults per placed call. */
import { FaultSchema } from "./schemas";
import { isWebhookFault, type Fault, type StartCallFault, type WebhookFault } from "./types";

interface PendingWebhookFault {
  fault: WebhookFault;
  remaining: number;
}

export class FaultQueue {
  private startCall: StartCallFault[] = [];
  private webhook: PendingWebhookFault[] = [];

  push(faults: Fault[]): void {
    for (const raw of faults) {
      const fault = FaultSchema.parse(raw) as Fault;
      if (isWebhookFault(fault)) this.webhook.push({ fault, remaining: fault.calls ?? 1 });
      else this.startCall.push(fault);
    }
  }

  /** The fault for the next start-call request, if any. */
  nextStartCall(): StartCallFault | undefined {
    return this.startCall.shift();
  }

  /** The webhook faults that apply to a call being placed now; each counts one call down. */
  takeForCall(): WebhookFault[] {
    const applied = this.webhook.map((p) => {
      p.remaining -= 1;
      return p.fault;
    });
    this.webhook = this.webhook.filter((p) => p.remaining > 0);
    return applied;
  }

  snapshot(): { startCall: StartCallFault[]; webhook: Array<WebhookFault & { remainingCalls: number }> } {
    return {
      startCall: [...this.startCall],
      webhook: this.webhook.map((p) => ({ ...p.fault, remainingCalls: p.remaining })),
    };
  }

  reset(): void {
    this.startCall = [];
    this.webhook = [];
  }
}
