export { PlainLink, type LinkComponent, type LinkProps } from "./link";
