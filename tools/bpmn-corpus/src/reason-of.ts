// A problem's reason without the names it carries: "'Task_1' is not reachable from the start
// event of process 'p'" and "'Task_9' is not reachable ..." are one reason, counted together.

/** The message with quoted names, names in angle brackets (a list of them: one) and line numbers replaced by placeholders. */
export function reasonOf(message: string): string {
  return message
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/<[^>]*>/g, '<…>')
    .replace(/<…>(, <…>)+/g, '<…>')
    .replace(/\(line \d+\)/g, '(line …)');
}
