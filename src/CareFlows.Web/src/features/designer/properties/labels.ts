/** `PatientReference` → `Patient reference`: the server names some inputs by their property name. */
export function humanize(name: string): string {
  if (/\s/.test(name) || !/[a-z][A-Z]/.test(name)) return name;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
  return [words[0], ...words.slice(1).map((w) => (/^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()))].join(" ");
}
