export { Drawer, focusableIn, type DrawerProps } from "./drawer";
