// Its own module so the command line can recognise a guide error without loading the YAML parser.
export class GuideError extends Error {
  override name = "GuideError";
}
