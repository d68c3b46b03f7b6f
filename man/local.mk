# man/: manual pages, linted by `make check` when mandoc is installed.
dist_man_MANS += man/attache.1 man/attache-index.1 man/attache-index.5
dist_man_MANS += man/attache-filter.7
dist_man_MANS += man/attache.conf.5
