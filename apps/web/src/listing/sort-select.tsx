"use client";
// The sort order. Controlled, so it follows the URL after Back/Forward; the change event bubbles to
// the listing form, which navigates.
import { useState } from "react";
import { Select, type SelectOption } from "@emporium/ui/select";

export function SortSelect({ value, options }: { value: string; options: SelectOption[] }) {
  const [selected, setSelected] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setSelected(value);
  }
  return (
    <Select
      name="sort"
      label="Sort by"
      options={options}
      value={selected}
      onChange={(event) => setSelected(event.target.value)}
    />
  );
}
