/** The fields a tag rule reads, in reading order. */
export interface RuleTextFields {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  body: string;
}

/** Text a tag rule is matched against: kicker, title, subtitle and body, one per line. */
export function ruleText(c: RuleTextFields): string {
  return [c.kicker, c.title, c.subtitle, c.body].filter((s): s is string => !!s).join('\n');
}
