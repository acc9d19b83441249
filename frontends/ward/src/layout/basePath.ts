import { createContext, useContext } from 'react';

/** Where the module is mounted ("/ward" in the shell, "/" standalone), for absolute links. */
export const BasePathContext = createContext('/');

export const useBasePath = (): string => useContext(BasePathContext);
