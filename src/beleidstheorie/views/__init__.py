"""Views: tables, JSON and CSV, graphviz diagrams and interactive pyvis pages."""
