/* taalcoach-portaal: small progressive enhancements; the site works without this file. */
