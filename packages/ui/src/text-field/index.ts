export { inputStyles, TextField, type TextFieldProps } from "./text-field";
