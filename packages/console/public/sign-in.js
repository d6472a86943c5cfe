/* global window */
// A sign-in run by the console's server: it starts the flow and answers the URL to open; the
// page opens it in a window and waits for the token (the server gives up after two minutes).
import { post } from '/parts.js';

export async function signIn(startPath, url, status) {
  const { flow, authorizeUrl } = await post(startPath, { url });
  window.open(authorizeUrl, 'sign-in');
  status.textContent = ' waiting for the sign-in window…';
  return (await post('/api/token', { flow })).token;
}
