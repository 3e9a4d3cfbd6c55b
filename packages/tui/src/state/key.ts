/** The keys the UI reads; ink's own Key type fits it, and tests can write it by hand. */
export interface KeyPress {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  tab: boolean;
  shift: boolean;
  backspace: boolean;
  delete: boolean;
}
