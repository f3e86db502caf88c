export { currencyExponent, formatMoney, toDecimalString, toMajorUnits } from "./money";
