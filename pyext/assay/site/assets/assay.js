// Filters the index table as you type. Every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("filter");
  if (!input) return;
  const rows = Array.from(document.querySelectorAll("#nodes tbody tr"));
  input.hidden = false;
  input.addEventListener("input", () => {
    const query = input.value.trim().toLowerCase();
    for (const row of rows) {
      row.hidden = query !== "" && !row.textContent.toLowerCase().includes(query);
    }
  });
});
