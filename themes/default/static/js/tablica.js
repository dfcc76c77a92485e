/* Keyboard shortcuts, help dialog and reading aids. */
