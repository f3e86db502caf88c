export { keepValuesOnRefusal } from "./form-action";
