export { FacetGroup, type FacetGroupProps, type FacetOption } from "./facet-group";
