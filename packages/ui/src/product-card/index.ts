export { ProductCard, type ProductCardImage, type ProductCardProps } from "./product-card";
