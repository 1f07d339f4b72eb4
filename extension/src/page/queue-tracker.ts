/**
 * The set of phones already in the dial queue, as last told by the background (queue.phones
 * on start, the queue.changed broadcast, queue.add responses).
 */
export type QueueTracker = {
  has(phone: string): boolean;
  replace(phones: readonly string[]): void;
  add(phones: readonly string[]): void;
  size(): number;
};

export function createQueueTracker(onChange: () => void): QueueTracker {
  let phones = new Set<string>();
  return {
    has: (phone) => phones.has(phone),
    replace(next) {
      phones = new Set(next);
      onChange();
    },
    add(more) {
      for (const phone of more) phones.add(phone);
      onChange();
    },
    size: () => phones.size
  };
}
