# themes/: colour themes, installed to $(pkgdatadir)/themes.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = themes/default.ini themes/mono.ini themes/dark.ini \
	themes/light.ini themes/high-contrast.ini themes/slow-link.ini \
	themes/solarized-dark.ini
