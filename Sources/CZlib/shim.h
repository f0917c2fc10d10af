// zlib (Debian zlib1g-dev, pulled in by libpng-dev): gzip streams for the bundled .gz datasets.
#include <zlib.h>
