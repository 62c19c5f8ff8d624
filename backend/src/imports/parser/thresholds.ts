/** The parser's tunable numbers, named in one place. */

/** From this model probability on, a plain line is taken to print (part of) a title. */
export const TITLE_PROBABILITY = 0.5;

/**
 * The hand rules' headline lines are kept unless the model gives them less than this (numbered
 * subheads and the rules' shapes the model has seen to be body text).
 */
export const RULE_VETO_PROBABILITY = 0.1;

/** From this title probability on, a headline printed between two bodies may divide two articles. */
export const SPLIT_TITLE_PROBABILITY = 0.7;

/** Characters of body text compared on either side of a headline to see whether the subject changes. */
export const COHESION_WINDOW = 300;

/**
 * Below this share of shared character bigrams between the text before and after a headline, the
 * subject has changed (measured on the development pages: article boundaries 0.00–0.02, subheads
 * 0.09–0.17).
 */
export const SAME_ARTICLE_COHESION = 0.06;

/** How much more of a headline's vocabulary must be in the text before than after for it to close that text. */
export const NAMES_BEFORE_MARGIN = 0.3;

/** Score added to cutting a run of headline blocks right after a block that completes a headline. */
export const SPLIT_AFTER_CLOSING_BONUS = 0.15;

/** Score added to cutting a run of headline blocks where the page leaves the most blank lines. */
export const SPLIT_AT_WIDEST_GAP_BONUS = 0.45;

/** Prior for giving a headline to the body on the page's own side (before or after its headlines). */
export const ORIENTATION_PRIOR = 0.2;
/** A run of headline blocks between two untitled bodies: a cut giving each body a block. */
export const SPLIT_BETWEEN_UNTITLED_BONUS = 0.15;

/** Longest photo caption printed inside an article, before its text (characters). */
export const CAPTION_MAX_CHARS = 90;

/** A line at least this share of the column width is full: wrapped by the column, not ended by the writer. */
export const WRAPPED_LINE_SHARE = 0.85;

/**
 * Blank lines that part two articles: a column break leaves one, never two (on the development and
 * sample pages, two or more blank lines after a finished sentence never fall inside an article).
 */
export const ARTICLE_GAP_LINES = 2;

/** Lines looked at on either side of a blank line to compare column widths, and the fewest that will do. */
export const COLUMN_SAMPLE_LINES = 12;
export const COLUMN_SAMPLE_MIN = 4;
/**
 * Cells by which a headline set apart must outreach the widest line of the text above it to be taken for
 * the next item's headline rather than that text's subhead (a subhead stays inside its column).
 */
export const HEADLINE_OVER_COLUMN = 3;

/**
 * Cells by which two columns' common line widths differ when they are set in different widths; below
 * COLUMN_CHANGE_SURE, only where no line of the narrower column reaches the wider width (set AA: columns
 * of 18 and 20 cells side by side).
 */
export const COLUMN_CHANGE = 2;
export const COLUMN_CHANGE_SURE = 3;

/** Longest line taken for a title only because it is set apart right above a credit. */
export const CREDITED_TITLE_MAX = 24;

/** Longest line a credit (byline, bare names, a bracketed credit) is printed on. */
export const MAX_CREDIT_LINE_CHARS = 40;

/** Longest line of a headline or subhead, and of a numbered subhead (`（三）…` runs longer). */
export const MAX_HEADING_LINE_CHARS = 40;
export const MAX_NUMBERED_HEADING_CHARS = 60;

/** Characters looked at on either side of a line break for the keyword of a signal cut there. */
export const SIGNAL_REACH = 40;

/** A line after a 上接 marker printed at most this share of the next line's length is the tail's subhead. */
export const TAIL_SUBHEAD_SHARE = 0.85;

/** A bulleted brief signed at its end (`◆…资料5个。 夏慧`) runs this many lines at most. */
export const SIGNED_BRIEF_MAX_LINES = 16;
