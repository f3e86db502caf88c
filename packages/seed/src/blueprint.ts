// The shape of the generated shop: categories, brands, colours, sizes, materials and the rules that
// turn them into products. Plain data — generate.ts does the combining.

export type Shape =
  | "tee"
  | "shirt"
  | "hoodie"
  | "knit"
  | "trousers"
  | "shorts"
  | "jacket"
  | "coat"
  | "dress"
  | "sneaker"
  | "boot"
  | "sandal"
  | "bag"
  | "hat"
  | "scarf"
  | "belt"
  | "mug"
  | "pan"
  | "bedding"
  | "candle"
  | "cushion"
  | "bottle"
  | "mat"
  | "tent";

export interface CategoryNode {
  slug: string;
  name: string;
  description: string;
  featured?: boolean;
  children?: CategoryNode[];
  /** Leaf categories carry the rules for their products. */
  products?: LeafRules;
}

export interface LeafRules {
  /** Relative share of generated products. */
  weight: number;
  nouns: string[];
  shape: Shape;
  sizes: readonly string[] | null;
  /** How many consecutive sizes a product offers, [min, max]. */
  sizeCount?: [number, number];
  /** "plus": XXL costs $2 more; "graded": each size step up costs 20% more. */
  sizePricing?: "plus" | "graded";
  colours: [number, number];
  materials: string[];
  fits?: string[];
  patterns?: string[];
  styles: string[];
  /** Base price range in cents. */
  price: [number, number];
  /** Word groups "for {use}" used in descriptions. */
  uses: string[];
}

export const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const;
export const WAIST_SIZES = ["28", "30", "32", "34", "36", "38"] as const;
export const SHOE_SIZES = ["37", "38", "39", "40", "41", "42", "43", "44", "45", "46"] as const;

const APPAREL_FITS = ["Slim", "Regular", "Relaxed", "Oversized"];
const APPAREL_PATTERNS = ["Solid", "Solid", "Solid", "Striped", "Checked", "Graphic"];

export const CATEGORY_TREE: CategoryNode[] = [
  {
    slug: "clothing",
    name: "Clothing",
    description: "Everyday layers, tailored staples and weekend comfort, cut from honest fabrics.",
    featured: true,
    children: [
      {
        slug: "tops",
        name: "Tops",
        description: "Tees, shirts, hoodies and knitwear.",
        children: [
          {
            slug: "t-shirts",
            name: "T-Shirts",
            description: "Soft, breathable tees for every day.",
            products: {
              weight: 14,
              nouns: ["T-Shirt", "Tee", "Pocket Tee", "Crew Neck Tee", "V-Neck Tee", "Long Sleeve Tee"],
              shape: "tee",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 6],
              colours: [1, 4],
              materials: ["Cotton", "Organic cotton", "Linen", "Merino wool", "Bamboo"],
              fits: APPAREL_FITS,
              patterns: APPAREL_PATTERNS,
              styles: ["Casual", "Lounge", "Sport"],
              price: [1500, 4500],
              uses: ["everyday wear", "warm afternoons", "layering", "travel days"],
            },
          },
          {
            slug: "shirts",
            name: "Shirts",
            description: "Oxford, flannel and linen shirts.",
            products: {
              weight: 9,
              nouns: [
                "Oxford Shirt",
                "Linen Shirt",
                "Flannel Shirt",
                "Overshirt",
                "Chambray Shirt",
                "Poplin Shirt",
              ],
              shape: "shirt",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 6],
              colours: [1, 3],
              materials: ["Cotton", "Organic cotton", "Linen", "Wool"],
              fits: APPAREL_FITS,
              patterns: ["Solid", "Solid", "Striped", "Checked"],
              styles: ["Smart", "Casual"],
              price: [3900, 9500],
              uses: ["the office", "dinners out", "weekend plans", "summer evenings"],
            },
          },
          {
            slug: "hoodies-sweatshirts",
            name: "Hoodies & Sweatshirts",
            description: "Loopback fleece and brushed cotton for cool days.",
            products: {
              weight: 9,
              nouns: ["Hoodie", "Zip Hoodie", "Sweatshirt", "Crewneck Sweatshirt", "Half-Zip Pullover"],
              shape: "hoodie",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 6],
              colours: [1, 4],
              materials: ["Cotton", "Organic cotton", "Recycled polyester", "Merino wool"],
              fits: APPAREL_FITS,
              patterns: ["Solid", "Solid", "Graphic"],
              styles: ["Casual", "Lounge", "Sport"],
              price: [4500, 11000],
              uses: ["chilly mornings", "lazy Sundays", "the commute", "post-run recovery"],
            },
          },
          {
            slug: "knitwear",
            name: "Knitwear",
            description: "Jumpers and cardigans in wool, cashmere and cotton.",
            products: {
              weight: 7,
              nouns: ["Jumper", "Cardigan", "Rollneck Sweater", "Cable Knit Sweater", "Knitted Vest"],
              shape: "knit",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 5],
              colours: [1, 3],
              materials: ["Wool", "Merino wool", "Cashmere", "Cotton"],
              fits: ["Regular", "Relaxed", "Oversized"],
              patterns: ["Solid", "Solid", "Striped"],
              styles: ["Smart", "Casual"],
              price: [5900, 18900],
              uses: ["winter layering", "cold evenings", "the office", "weekends away"],
            },
          },
        ],
      },
      {
        slug: "bottoms",
        name: "Bottoms",
        description: "Jeans, trousers and shorts.",
        children: [
          {
            slug: "jeans",
            name: "Jeans",
            description: "Selvedge and stretch denim in every cut.",
            products: {
              weight: 8,
              nouns: ["Jeans", "Straight Jeans", "Tapered Jeans", "Wide Leg Jeans", "Carpenter Jeans"],
              shape: "trousers",
              sizes: WAIST_SIZES,
              sizeCount: [4, 6],
              colours: [1, 3],
              materials: ["Denim", "Organic cotton"],
              fits: APPAREL_FITS,
              patterns: ["Solid"],
              styles: ["Casual"],
              price: [6900, 15900],
              uses: ["every day", "years of wear", "weekends", "workdays"],
            },
          },
          {
            slug: "trousers",
            name: "Trousers",
            description: "Chinos, pleated trousers and joggers.",
            products: {
              weight: 7,
              nouns: ["Chinos", "Pleated Trousers", "Joggers", "Cargo Trousers", "Drawstring Trousers"],
              shape: "trousers",
              sizes: WAIST_SIZES,
              sizeCount: [4, 6],
              colours: [1, 3],
              materials: ["Cotton", "Organic cotton", "Linen", "Wool", "Recycled polyester"],
              fits: APPAREL_FITS,
              patterns: ["Solid", "Solid", "Checked"],
              styles: ["Smart", "Casual", "Lounge"],
              price: [4900, 12900],
              uses: ["the office", "travel", "weekend walks", "warm weather"],
            },
          },
          {
            slug: "shorts",
            name: "Shorts",
            description: "Shorts for heat waves and long walks.",
            products: {
              weight: 5,
              nouns: ["Shorts", "Chino Shorts", "Swim Shorts", "Running Shorts", "Cargo Shorts"],
              shape: "shorts",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 5],
              colours: [1, 4],
              materials: ["Cotton", "Linen", "Nylon", "Recycled polyester"],
              fits: ["Slim", "Regular", "Relaxed"],
              patterns: ["Solid", "Solid", "Striped", "Graphic"],
              styles: ["Casual", "Sport"],
              price: [2900, 6900],
              uses: ["beach days", "summer", "long walks", "the gym"],
            },
          },
        ],
      },
      {
        slug: "outerwear",
        name: "Outerwear",
        description: "Jackets and coats built for weather.",
        featured: true,
        children: [
          {
            slug: "jackets",
            name: "Jackets",
            description: "Rain shells, bombers and chore jackets.",
            products: {
              weight: 7,
              nouns: [
                "Rain Jacket",
                "Bomber Jacket",
                "Chore Jacket",
                "Denim Jacket",
                "Puffer Jacket",
                "Field Jacket",
              ],
              shape: "jacket",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 6],
              colours: [1, 3],
              materials: ["Nylon", "Recycled polyester", "Cotton", "Denim", "Leather"],
              fits: ["Regular", "Relaxed", "Oversized"],
              patterns: ["Solid"],
              styles: ["Casual", "Outdoor"],
              price: [8900, 29900],
              uses: ["rainy commutes", "shoulder seasons", "city walks", "weekend hikes"],
            },
          },
          {
            slug: "coats",
            name: "Coats",
            description: "Wool overcoats, parkas and trench coats.",
            products: {
              weight: 5,
              nouns: ["Overcoat", "Trench Coat", "Parka", "Peacoat", "Duffle Coat"],
              shape: "coat",
              sizes: APPAREL_SIZES,
              sizePricing: "plus",
              sizeCount: [4, 5],
              colours: [1, 3],
              materials: ["Wool", "Cashmere", "Cotton", "Recycled polyester"],
              fits: ["Regular", "Relaxed"],
              patterns: ["Solid", "Solid", "Checked"],
              styles: ["Smart", "Outdoor"],
              price: [14900, 44900],
              uses: ["deep winter", "smart occasions", "windy coasts", "cold commutes"],
            },
          },
        ],
      },
      {
        slug: "dresses",
        name: "Dresses",
        description: "Slip, shirt and knit dresses.",
        products: {
          weight: 6,
          nouns: ["Slip Dress", "Shirt Dress", "Wrap Dress", "Knit Dress", "Midi Dress", "Maxi Dress"],
          shape: "dress",
          sizes: APPAREL_SIZES,
          sizePricing: "plus",
          sizeCount: [4, 6],
          colours: [1, 4],
          materials: ["Linen", "Cotton", "Organic cotton", "Merino wool"],
          fits: ["Slim", "Regular", "Relaxed"],
          patterns: ["Solid", "Solid", "Striped", "Floral"],
          styles: ["Smart", "Casual"],
          price: [5900, 16900],
          uses: ["summer evenings", "weddings", "city days", "holidays"],
        },
      },
    ],
  },
  {
    slug: "footwear",
    name: "Footwear",
    description: "Sneakers, boots and sandals made to be worn in.",
    featured: true,
    children: [
      {
        slug: "sneakers",
        name: "Sneakers",
        description: "Court, runner and canvas sneakers.",
        products: {
          weight: 7,
          nouns: ["Court Sneakers", "Canvas Sneakers", "Low-Top Sneakers", "High-Top Sneakers", "Trainers"],
          shape: "sneaker",
          sizes: SHOE_SIZES,
          sizeCount: [6, 10],
          colours: [1, 3],
          materials: ["Leather", "Suede", "Canvas", "Recycled polyester"],
          styles: ["Casual", "Sport"],
          price: [6900, 17900],
          uses: ["city miles", "every day", "travel", "weekend errands"],
        },
      },
      {
        slug: "boots",
        name: "Boots",
        description: "Chelsea, work and hiking boots.",
        products: {
          weight: 5,
          nouns: ["Chelsea Boots", "Work Boots", "Hiking Boots", "Chukka Boots", "Lace-Up Boots"],
          shape: "boot",
          sizes: SHOE_SIZES,
          sizeCount: [6, 10],
          colours: [1, 2],
          materials: ["Leather", "Suede"],
          styles: ["Smart", "Outdoor", "Casual"],
          price: [12900, 29900],
          uses: ["wet pavements", "the trail", "winter", "years of resoling"],
        },
      },
      {
        slug: "sandals",
        name: "Sandals",
        description: "Slides and strap sandals for warm days.",
        products: {
          weight: 3,
          nouns: ["Slides", "Strap Sandals", "Sport Sandals", "Espadrilles"],
          shape: "sandal",
          sizes: SHOE_SIZES,
          sizeCount: [5, 8],
          colours: [1, 3],
          materials: ["Leather", "Canvas", "Nylon"],
          styles: ["Casual", "Sport"],
          price: [3900, 9900],
          uses: ["the beach", "holidays", "summer", "pool days"],
        },
      },
    ],
  },
  {
    slug: "accessories",
    name: "Accessories",
    description: "Bags, hats, scarves and belts to finish the look.",
    featured: true,
    children: [
      {
        slug: "bags",
        name: "Bags",
        description: "Totes, backpacks and weekenders.",
        products: {
          weight: 6,
          nouns: ["Tote Bag", "Backpack", "Weekender", "Crossbody Bag", "Messenger Bag", "Roll-Top Backpack"],
          shape: "bag",
          sizes: null,
          colours: [1, 3],
          materials: ["Canvas", "Leather", "Nylon", "Recycled polyester"],
          styles: ["Casual", "Smart", "Outdoor"],
          price: [3500, 24900],
          uses: ["the commute", "weekend trips", "the market", "laptops and lunch"],
        },
      },
      {
        slug: "hats",
        name: "Hats",
        description: "Beanies, caps and bucket hats.",
        products: {
          weight: 4,
          nouns: ["Beanie", "Baseball Cap", "Bucket Hat", "Wool Cap"],
          shape: "hat",
          sizes: ["S/M", "L/XL"],
          sizeCount: [1, 2],
          colours: [1, 4],
          materials: ["Wool", "Merino wool", "Cotton", "Nylon"],
          styles: ["Casual", "Outdoor", "Sport"],
          price: [1900, 5900],
          uses: ["cold mornings", "sunny days", "the trail", "bad hair days"],
        },
      },
      {
        slug: "scarves",
        name: "Scarves",
        description: "Wool, cashmere and cotton scarves.",
        products: {
          weight: 3,
          nouns: ["Scarf", "Wrap Scarf", "Lambswool Scarf", "Bandana"],
          shape: "scarf",
          sizes: null,
          colours: [1, 4],
          materials: ["Wool", "Cashmere", "Cotton", "Linen"],
          patterns: ["Solid", "Striped", "Checked"],
          styles: ["Smart", "Casual"],
          price: [2500, 14900],
          uses: ["winter walks", "windy days", "gifting", "layering"],
        },
      },
      {
        slug: "belts",
        name: "Belts",
        description: "Leather and webbing belts.",
        products: {
          weight: 2,
          nouns: ["Leather Belt", "Webbing Belt", "Braided Belt", "Dress Belt"],
          shape: "belt",
          sizes: ["S", "M", "L", "XL"],
          sizeCount: [3, 4],
          colours: [1, 2],
          materials: ["Leather", "Canvas", "Nylon"],
          styles: ["Smart", "Casual"],
          price: [2900, 8900],
          uses: ["jeans", "tailoring", "every day", "travel"],
        },
      },
    ],
  },
  {
    slug: "home",
    name: "Home",
    description: "Kitchen, bedding and decor for a well-kept home.",
    featured: true,
    children: [
      {
        slug: "kitchen",
        name: "Kitchen",
        description: "Mugs and cookware for daily rituals.",
        children: [
          {
            slug: "mugs",
            name: "Mugs & Cups",
            description: "Stoneware mugs and ceramic cups.",
            products: {
              weight: 4,
              nouns: ["Mug", "Espresso Cup", "Latte Mug", "Travel Mug", "Tea Cup"],
              shape: "mug",
              sizes: null,
              colours: [1, 4],
              materials: ["Ceramic", "Stoneware", "Stainless steel"],
              styles: ["Casual"],
              price: [1200, 3900],
              uses: ["slow mornings", "the office", "gifting", "afternoon tea"],
            },
          },
          {
            slug: "cookware",
            name: "Cookware",
            description: "Pans and pots that last a lifetime.",
            products: {
              weight: 3,
              nouns: ["Skillet", "Frying Pan", "Saucepan", "Dutch Oven", "Wok"],
              shape: "pan",
              sizes: ["20 cm", "24 cm", "28 cm"],
              sizePricing: "graded",
              sizeCount: [1, 3],
              colours: [1, 2],
              materials: ["Cast iron", "Stainless steel", "Ceramic"],
              styles: ["Casual"],
              price: [3900, 24900],
              uses: ["weeknight dinners", "searing", "slow cooking", "a lifetime of use"],
            },
          },
        ],
      },
      {
        slug: "bedding",
        name: "Bedding",
        description: "Linen and percale bedding.",
        products: {
          weight: 3,
          nouns: ["Duvet Cover", "Sheet Set", "Pillowcase Pair", "Quilt", "Throw Blanket"],
          shape: "bedding",
          sizes: ["Single", "Double", "King"],
          sizePricing: "graded",
          sizeCount: [2, 3],
          colours: [1, 3],
          materials: ["Linen", "Cotton", "Organic cotton", "Wool"],
          patterns: ["Solid", "Solid", "Striped", "Checked"],
          styles: ["Lounge"],
          price: [3900, 19900],
          uses: ["restful nights", "lazy mornings", "guest rooms", "all seasons"],
        },
      },
      {
        slug: "decor",
        name: "Decor",
        description: "Candles and cushions.",
        children: [
          {
            slug: "candles",
            name: "Candles",
            description: "Hand-poured soy candles.",
            products: {
              weight: 3,
              nouns: ["Scented Candle", "Travel Candle", "Pillar Candle", "Three-Wick Candle"],
              shape: "candle",
              sizes: ["180 g", "320 g"],
              sizePricing: "graded",
              sizeCount: [1, 2],
              colours: [1, 2],
              materials: ["Soy wax", "Ceramic"],
              styles: ["Lounge"],
              price: [1800, 5500],
              uses: ["quiet evenings", "gifting", "long baths", "dinner parties"],
            },
          },
          {
            slug: "cushions",
            name: "Cushions",
            description: "Cushion covers and inserts.",
            products: {
              weight: 3,
              nouns: ["Cushion Cover", "Lumbar Cushion", "Floor Cushion", "Bolster"],
              shape: "cushion",
              sizes: ["45 × 45 cm", "50 × 50 cm", "60 × 60 cm"],
              sizePricing: "graded",
              sizeCount: [1, 2],
              colours: [1, 4],
              materials: ["Linen", "Cotton", "Wool"],
              patterns: ["Solid", "Striped", "Checked", "Floral"],
              styles: ["Lounge"],
              price: [2200, 7900],
              uses: ["sofas", "reading corners", "bedrooms", "window seats"],
            },
          },
        ],
      },
    ],
  },
  {
    slug: "sports-outdoors",
    name: "Sports & Outdoors",
    description: "Gear for running, yoga and nights under the stars.",
    featured: true,
    children: [
      {
        slug: "running",
        name: "Running",
        description: "Bottles, layers and essentials for runners.",
        products: {
          weight: 4,
          nouns: ["Running Tee", "Running Vest", "Water Bottle", "Running Tights", "Running Cap"],
          shape: "bottle",
          sizes: ["S", "M", "L"],
          sizeCount: [1, 3],
          colours: [1, 3],
          materials: ["Recycled polyester", "Nylon", "Merino wool", "Stainless steel"],
          styles: ["Sport"],
          price: [1900, 8900],
          uses: ["long runs", "race day", "interval sessions", "early miles"],
        },
      },
      {
        slug: "yoga",
        name: "Yoga",
        description: "Mats, blocks and straps.",
        products: {
          weight: 3,
          nouns: ["Yoga Mat", "Travel Yoga Mat", "Yoga Block", "Yoga Strap"],
          shape: "mat",
          sizes: null,
          colours: [1, 4],
          materials: ["Natural rubber", "Cork", "Cotton"],
          styles: ["Sport"],
          price: [1500, 12900],
          uses: ["daily practice", "hot yoga", "travel", "stretching"],
        },
      },
      {
        slug: "camping",
        name: "Camping",
        description: "Tents, lanterns and camp kitchen.",
        products: {
          weight: 3,
          nouns: ["Two-Person Tent", "Camp Lantern", "Sleeping Bag", "Camp Mug", "Camp Stool"],
          shape: "tent",
          sizes: null,
          colours: [1, 2],
          materials: ["Nylon", "Recycled polyester", "Stainless steel", "Canvas"],
          styles: ["Outdoor"],
          price: [1900, 39900],
          uses: ["weekend trips", "festivals", "backcountry nights", "the garden"],
        },
      },
    ],
  },
];

export interface ColourDef {
  name: string;
  hex: string;
  family: string;
}

export const COLOURS: ColourDef[] = [
  { name: "Black", hex: "#1f1f21", family: "Black" },
  { name: "Charcoal", hex: "#3b3f45", family: "Grey" },
  { name: "Grey Melange", hex: "#9a9ea3", family: "Grey" },
  { name: "Stone", hex: "#bdb6a8", family: "Beige" },
  { name: "White", hex: "#f4f4f2", family: "White" },
  { name: "Cream", hex: "#efe6d2", family: "White" },
  { name: "Sand", hex: "#d8c7a3", family: "Beige" },
  { name: "Camel", hex: "#b98a57", family: "Brown" },
  { name: "Chocolate", hex: "#5a3a22", family: "Brown" },
  { name: "Navy", hex: "#1f2a44", family: "Blue" },
  { name: "Cobalt", hex: "#2f5db3", family: "Blue" },
  { name: "Sky", hex: "#87b6d9", family: "Blue" },
  { name: "Teal", hex: "#1f7a7a", family: "Green" },
  { name: "Olive", hex: "#6b6b3a", family: "Green" },
  { name: "Sage", hex: "#9caf88", family: "Green" },
  { name: "Forest", hex: "#2f4f3a", family: "Green" },
  { name: "Rust", hex: "#b7472a", family: "Orange" },
  { name: "Coral", hex: "#f08a6c", family: "Orange" },
  { name: "Mustard", hex: "#d4a017", family: "Yellow" },
  { name: "Burgundy", hex: "#6d1f2f", family: "Red" },
  { name: "Red", hex: "#c0392b", family: "Red" },
  { name: "Blush", hex: "#e8b4b8", family: "Pink" },
  { name: "Lavender", hex: "#b7a5d6", family: "Purple" },
];

export interface BrandDef {
  name: string;
  /** Top-level category slugs the brand makes products for. */
  makes: string[];
  tagline: string;
}

export const BRANDS: BrandDef[] = [
  { name: "Northwind", makes: ["clothing", "accessories"], tagline: "Coastal staples since 1994." },
  { name: "Harbor & Pine", makes: ["clothing", "home"], tagline: "Made slowly, worn for years." },
  {
    name: "Fjord Supply",
    makes: ["clothing", "sports-outdoors", "accessories"],
    tagline: "Gear for weather.",
  },
  { name: "Atelier Lumen", makes: ["clothing", "accessories"], tagline: "Quiet tailoring." },
  { name: "Kestrel", makes: ["footwear", "sports-outdoors"], tagline: "Light on your feet." },
  {
    name: "Marlow & Finch",
    makes: ["clothing", "footwear", "accessories"],
    tagline: "British-made classics.",
  },
  { name: "Oakhaven", makes: ["home"], tagline: "Homeware from small workshops." },
  {
    name: "Solstice Athletics",
    makes: ["clothing", "sports-outdoors", "footwear"],
    tagline: "Train in any light.",
  },
  { name: "Tidewater", makes: ["clothing", "accessories"], tagline: "Easy pieces for long summers." },
  { name: "Ember Home", makes: ["home"], tagline: "Warmth, in every room." },
  { name: "Copperline", makes: ["home", "sports-outdoors"], tagline: "Built to be passed on." },
  { name: "Wildgrove", makes: ["clothing", "sports-outdoors"], tagline: "Outdoors, responsibly." },
  { name: "Halcyon", makes: ["clothing", "home"], tagline: "Calm, considered design." },
  { name: "Bramble & Co.", makes: ["accessories", "home"], tagline: "Countryside craft." },
  { name: "Quarry Goods", makes: ["footwear", "accessories"], tagline: "Leather that ages well." },
  { name: "Palisade", makes: ["clothing", "footwear"], tagline: "City uniform." },
  { name: "Linnea", makes: ["clothing", "home", "accessories"], tagline: "Nordic linen, washed soft." },
  {
    name: "Cobalt Trail",
    makes: ["sports-outdoors", "footwear", "accessories"],
    tagline: "Mile after mile.",
  },
  { name: "Saltmarsh", makes: ["clothing", "accessories", "footwear"], tagline: "Weatherproof and proud." },
  { name: "Verdant Kitchen", makes: ["home"], tagline: "Cook more, waste less." },
];

export const MODIFIERS = [
  "Everyday",
  "Classic",
  "Heritage",
  "Essential",
  "Weekend",
  "Coastal",
  "Alpine",
  "Studio",
  "Urban",
  "Trail",
  "Vintage",
  "Premium",
  "Lightweight",
  "Heavyweight",
  "Washed",
  "Garment-Dyed",
  "Signature",
  "Field",
  "Harbour",
  "Nordic",
];

export const SUSTAINABILITY = ["Organic", "Recycled materials", "Fair trade", "Carbon neutral"];

export const LOCATIONS = [
  { code: "WH-BER", name: "Berlin distribution centre", country: "DE" },
  { code: "WH-NJ", name: "New Jersey distribution centre", country: "US" },
  { code: "ST-LDN", name: "London flagship store", country: "GB" },
] as const;

export const CURRENCY = "USD";
