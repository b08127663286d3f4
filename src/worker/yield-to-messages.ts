/**
 * Resolves after the messages already waiting for this thread have been handled: a long
 * job that awaits this between its steps lets a worker answer the page meanwhile. A
 * message channel rather than `setTimeout(0)`, which browsers clamp to 4 ms once nested.
 */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
