"""Pizhu core: Qt-free library for repair, storage, extraction and export."""
