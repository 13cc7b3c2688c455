// Login page: shows the message that belongs to ?fout=… (or ?uitgelogd,
// ?verlopen) in the address. The form itself works without this script.
const params = new URLSearchParams(window.location.search);
const show = (id) => {
  const el = document.getElementById(id);
  if (el) el.hidden = false;
};
const fout = params.get('fout');
if (fout === 'te-veel') show('fout-te-veel');
else if (fout !== null) show('fout-1');
if (params.has('uitgelogd')) show('uitgelogd');
if (params.has('verlopen')) show('verlopen');
