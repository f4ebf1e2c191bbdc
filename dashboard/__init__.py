"""The Streamlit dashboard over the event store: alliance map, troop movements, timeline,
sourced event table and article view. Entry point: ``streamlit run dashboard/app.py``."""
