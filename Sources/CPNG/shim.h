// libpng 1.6 (Debian libpng-dev), used through its simplified API (png_image_*).
#include <png.h>
