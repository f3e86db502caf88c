export { SelectField, type SelectFieldOption, type SelectFieldProps } from "./select-field";
